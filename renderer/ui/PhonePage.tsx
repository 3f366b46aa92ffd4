import './phone-page.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from './LanguageToggle';

/**
 * The frame of a page a printed QR opens on a citizen's phone (a ticket's progress, a case's):
 * the hall's name on the brand bar with the language toggle, then one column under the title.
 * `className` is the page's own root class, which sets its type size and width.
 */
export function PhonePage({
  className,
  hallName,
  title,
  children,
}: {
  className: string;
  hallName: string;
  title: string;
  children: ReactNode;
}) {
  const { i18n } = useTranslation();
  return (
    <div className={`phone-page ${className}`} lang={i18n.language}>
      <header className="phone-page-header">
        <p className="phone-page-hall">{hallName}</p>
        <LanguageToggle />
      </header>
      <main className="phone-page-main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
