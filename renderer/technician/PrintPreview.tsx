import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintPreview as Page } from '../../contracts/devices';
import { useApi } from '../api/context';
import { QrImage } from '../ui/QrImage';
import { TECH_KEYS, useTechSession } from './session';

/** How many of the virtual printer's last pages are shown. */
const PAGES = 5;

/**
 * What the virtual printer decoded from the ESC/POS it received, drawn like the paper: each
 * line with its size, weight and alignment, the QR codes it would print, where it cut.
 */
export function PrintPreview({ deviceId, paperWidth, simulated }: { deviceId: string; paperWidth: 58 | 80; simulated: boolean }) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const preview = useQuery({ queryKey: TECH_KEYS.preview(deviceId), queryFn: () => api.devicePreview(deviceId, PAGES) });
  const titleId = `tech-preview-${deviceId}`;
  // Newest first: the ticket just printed is the one a technician looks for.
  const pages = [...(preview.data?.pages ?? [])].reverse();

  return (
    <section className="tech-preview" aria-labelledby={titleId} data-testid="tech-preview">
      <div className="tech-preview-head">
        <h4 id={titleId}>{t('tech.preview.title', { count: PAGES })}</h4>
        <button type="button" className="console-button" onClick={() => void preview.refetch()}>
          {t('tech.preview.refresh')}
        </button>
      </div>
      {!simulated && <p className="console-muted">{t('tech.preview.realPrinter')}</p>}
      {preview.isError && (
        <p className="error" role="alert">
          {session.describeError(preview.error)}
        </p>
      )}
      {simulated && preview.data && pages.length === 0 && <p className="console-muted">{t('tech.preview.empty')}</p>}
      <div className="tech-receipts">
        {pages.map((page, i) => (
          <Receipt
            key={pages.length - i}
            page={page}
            paperWidth={paperWidth}
            caption={i === 0 ? t('tech.preview.latest') : t('tech.preview.earlier', { n: i })}
          />
        ))}
      </div>
    </section>
  );
}

function Receipt({ page, paperWidth, caption }: { page: Page; paperWidth: 58 | 80; caption: string }) {
  const { t } = useTranslation();
  // 80 mm paper holds 48 half-width characters a line, 58 mm 32 (Font A).
  const paper = { '--tech-cols': paperWidth === 58 ? 32 : 48 } as CSSProperties;
  return (
    <figure className="tech-receipt-wrap">
      <figcaption>{caption}</figcaption>
      <div className="tech-receipt" style={paper} data-testid="tech-receipt">
        {page.lines.map((line, i) => (
          <p
            key={i}
            className={`tech-receipt-line align-${line.align}${line.bold ? ' bold' : ''}`}
            style={{ fontSize: `${line.height}em` }}
            data-size={`${line.width}x${line.height}`}
          >
            {/* GS ! scales width and height apart: the height sets the font size, the width stretches it. */}
            <span style={{ transform: `scaleX(${line.width / line.height})` }}>{line.text === '' ? '\u00a0' : line.text}</span>
          </p>
        ))}
        {page.qrPayloads.map((payload, i) => (
          <div key={`qr-${i}`} className="tech-receipt-qr">
            <QrImage text={payload} label={t('tech.preview.qr', { payload })} size={132} />
            <code data-testid="tech-receipt-qr">{payload}</code>
          </div>
        ))}
        {page.cuts > 0 && (
          <p className="tech-receipt-cut">
            <span aria-hidden="true">✂ </span>
            {t('tech.preview.cut')}
          </p>
        )}
      </div>
      {page.unknownBytes > 0 && <p className="console-muted">{t('tech.preview.unknownBytes', { count: page.unknownBytes })}</p>}
    </figure>
  );
}
