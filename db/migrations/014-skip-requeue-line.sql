-- 过号 of a priority ticket: the citizen did not come, so their ticket goes back behind the
-- configured number of waiting tickets like anyone's (queue.skipRequeue.afterPlaces). Left in
-- the priority line it would be the head again and be called straight back. From a skip on,
-- priority_class is the line the ticket waits in ('normal'), and the class it was issued with
-- is kept here for what the citizen is: the counter's badge and the day's statistics. NULL
-- means the ticket never changed line (issued_priority_class = priority_class), so issuing
-- writes nothing more and the queue index and its queries stay as they are.
ALTER TABLE tickets ADD COLUMN issued_priority_class TEXT
  CHECK (issued_priority_class IS NULL OR issued_priority_class IN ('appointment', 'elderly', 'disabled', 'vip'));
