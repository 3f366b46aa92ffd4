import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../../contracts/cases';
import type { CatalogCategory } from '../../../../contracts/central-api';
import { useApi } from '../../../api/context';

/**
 * The catalog's items of some categories, with the loading, failure (and retry) and empty
 * states every chooser needs; `children` draws the items once there are some.
 */
export function CatalogItems({
  categories,
  empty,
  children,
}: {
  categories: readonly CatalogCategory[];
  empty: string;
  children: (items: CatalogViewItem[]) => ReactNode;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: api.catalog });
  if (catalog.isPending) return <p className="loading">{t('shell.loading')}</p>;
  if (catalog.isError) {
    return (
      <div className="case-load-error">
        <p className="error" role="alert">
          {t('case.errors.catalog')}
        </p>
        <button type="button" className="secondary big" onClick={() => void catalog.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const items = catalog.data.items.filter((i) => categories.includes(i.category));
  if (items.length === 0) return <p className="case-note">{empty}</p>;
  return <>{children(items)}</>;
}
