import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn in the browser (no network): a data: URL image, allowed by the CSP. */
export function QrImage({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? <img className="qr" src={src} width={size} height={size} alt={label} /> : null;
}
