-- Reports over up to a year (GET /reports): each reads its range in one scan per table, and a
-- year of a busy hall is ~75,000 tickets, ~30,000 ratings and ~300,000 audit rows.
-- Tickets are read by business_day through tickets_day_key (business_day, queue_key) already.

-- Ratings by when they were given: without it every report read the whole table.
CREATE INDEX evaluations_by_time ON evaluations (evaluated_at);

-- Transfers (转办) are known only from the audit log; this index holds the transfer rows alone
-- (a few in a hundred tickets), so a report reads them without scanning every audit row, and the
-- counter's other actions write nothing more to it.
CREATE INDEX audit_transfers ON audit_log (at) WHERE action = 'ticket.transfer';
