/**
 * The page shown while the host is down or the renderer keeps crashing: static HTML in a
 * data: URL (the host that would serve a page may be the thing that is down; no file:// page,
 * checklist item 18). No script, and its own policy forbids any; it has no origin the shell
 * trusts, so it can call nothing.
 */
export type OutOfServiceReason = 'starting' | 'host-down' | 'renderer-crashed';

const lines: Record<OutOfServiceReason, [string, string]> = {
  starting: ['正在启动，请稍候', 'Starting, please wait'],
  'host-down': ['暂停服务，正在恢复', 'Out of service, recovering'],
  'renderer-crashed': ['暂停服务，请联系工作人员', 'Out of service, please ask a member of staff'],
};

export function outOfServiceUrl(reason: OutOfServiceReason): string {
  const [zh, en] = lines[reason];
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${zh}</title><style>html,body{height:100%;margin:0}body{display:flex;flex-direction:column;
align-items:center;justify-content:center;background:#f4f6fa;color:#14213d;font-family:sans-serif}
h1{font-size:56px;margin:0 0 24px}p{font-size:28px;margin:0;color:#4a5568}</style></head>
<body><h1>${zh}</h1><p>${en}</p></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
