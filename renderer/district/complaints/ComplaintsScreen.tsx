import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MorePages } from '../../ui/console/MorePages';
import { DISTRICT_KEYS, useDistrictClient, useDistrictSession } from '../session';
import { ComplaintFilters, type ComplaintFilterValues } from './ComplaintFilters';
import { ComplaintPanel } from './ComplaintPanel';
import { ComplaintTable } from './ComplaintTable';
import { HotlinePanel } from './HotlinePanel';
import { MinxinPanel } from './MinxinPanel';
import { useComplaintDesk } from './use-complaint-desk';

const PAGE_SIZE = 20;

/**
 * 营商诉求: the complaint platform's work list, newest first, filtered and paged on ("show
 * more"), with the red list one toggle away. A complaint opens beside the list with its page and
 * the steps the signed-in person may take on it.
 */
export default function ComplaintsScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const desk = useComplaintDesk();
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ComplaintFilterValues>({});
  const [redList, setRedList] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  // The panel beside the list: a complaint, or one of the intake tools (a 营商局 intake person's).
  const [tool, setTool] = useState<'hotline' | 'minxin' | null>(null);
  const mayTakeIn = desk.capacity?.bureauRoles.includes('intake') === true;
  const openComplaint = (number: string) => {
    setTool(null);
    setOpen(number);
  };
  const openTool = (next: 'hotline' | 'minxin') => {
    setOpen(null);
    setTool(next);
  };
  const query: ComplaintFilterValues = redList ? { ...filters, overdue: 'true' } : filters;
  const complaints = useInfiniteQuery({
    queryKey: [...DISTRICT_KEYS.all, 'complaints', query],
    queryFn: ({ pageParam }) =>
      client.listComplaints({ ...query, limit: PAGE_SIZE, ...(pageParam === null ? {} : { after: pageParam }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const rows = complaints.data?.pages.flatMap((page) => page.complaints) ?? [];
  // One "now" per fetch, so every row of a page counts its days from the same instant.
  const now = new Date(complaints.dataUpdatedAt || Date.now());

  return (
    <section className="dst-section" aria-labelledby="dst-complaints-title">
      <h2 id="dst-complaints-title">{t('dstComplaints.title')}</h2>
      {mayTakeIn && (
        <div className="console-actions" role="group" aria-label={t('dstIntake.tools')}>
          <button
            type="button"
            className="console-button console-primary"
            aria-pressed={tool === 'hotline'}
            onClick={() => openTool('hotline')}
          >
            {t('dstIntake.hotlineOpen')}
          </button>
          <button type="button" className="console-button" aria-pressed={tool === 'minxin'} onClick={() => openTool('minxin')}>
            {t('dstIntake.minxinOpen')}
          </button>
        </div>
      )}
      <ComplaintFilters units={desk.units} redList={redList} onSearch={setFilters} onRedList={setRedList} />
      {complaints.error && (
        <p className="error" role="alert">
          {session.describeError(complaints.error)}
        </p>
      )}
      <div className="dst-split">
        <div className="dst-list">
          {complaints.isSuccess && (
            <ComplaintTable rows={rows} open={open} now={now} unitName={desk.unitName} onOpen={openComplaint} />
          )}
          <MorePages query={complaints} label={t('dstComplaints.more')} />
        </div>
        {open !== null && <ComplaintPanel key={open} number={open} desk={desk} onClose={() => setOpen(null)} />}
        {tool === 'hotline' && <HotlinePanel desk={desk} onOpen={openComplaint} onClose={() => setTool(null)} />}
        {tool === 'minxin' && <MinxinPanel onOpen={openComplaint} onClose={() => setTool(null)} />}
      </div>
    </section>
  );
}
