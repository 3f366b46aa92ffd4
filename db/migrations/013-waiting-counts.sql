-- Waiting tickets per service and business day, kept by triggers in the same transaction as
-- every ticket write. The kiosk tiles, the hall screen and every issue/call event
-- show these counts; counting them from the queue index cost ~1.5 ms per event with 10,000
-- waiting, the largest part of a ticket's latency. Triggers (not application code) keep the
-- count exact whichever path writes a ticket: the queue, the daily reset, a settings change.
-- The count lives in the day's counter row, which issuing updates anyway, so a new ticket
-- writes no extra page to the WAL. A row made only by a transfer into a service has last_seq 0.
ALTER TABLE ticket_counters ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0 CHECK (waiting >= 0);

INSERT INTO ticket_counters (business_day, service_code, last_seq, waiting)
  SELECT business_day, service_code, 0, count(*) FROM tickets WHERE status = 'waiting' GROUP BY business_day, service_code
  ON CONFLICT (business_day, service_code) DO UPDATE SET waiting = excluded.waiting;

CREATE TRIGGER waiting_counts_on_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting'
BEGIN
  INSERT INTO ticket_counters (business_day, service_code, last_seq, waiting) VALUES (NEW.business_day, NEW.service_code, 0, 1)
    ON CONFLICT (business_day, service_code) DO UPDATE SET waiting = waiting + 1;
END;

-- An update that touches the status, service or day takes the ticket out of its old count (if
-- it was waiting) and puts it into its new one (if it waits now); unchanged values net to zero.
CREATE TRIGGER waiting_counts_on_leave AFTER UPDATE OF status, service_code, business_day ON tickets
  WHEN OLD.status = 'waiting'
BEGIN
  UPDATE ticket_counters SET waiting = waiting - 1
    WHERE business_day = OLD.business_day AND service_code = OLD.service_code;
END;

CREATE TRIGGER waiting_counts_on_join AFTER UPDATE OF status, service_code, business_day ON tickets
  WHEN NEW.status = 'waiting'
BEGIN
  INSERT INTO ticket_counters (business_day, service_code, last_seq, waiting) VALUES (NEW.business_day, NEW.service_code, 0, 1)
    ON CONFLICT (business_day, service_code) DO UPDATE SET waiting = waiting + 1;
END;

CREATE TRIGGER waiting_counts_on_delete AFTER DELETE ON tickets WHEN OLD.status = 'waiting'
BEGIN
  UPDATE ticket_counters SET waiting = waiting - 1
    WHERE business_day = OLD.business_day AND service_code = OLD.service_code;
END;

-- Wait estimates divide by the open windows serving a service: looked up by service, not by window.
CREATE INDEX window_services_by_service ON window_services (service_code, window_id);

-- Nothing reads the audit log by time (the console and the diagnostics read it by id), and the
-- index cost every counter action one more page written and fsynced.
DROP INDEX audit_by_time;

-- The queue index holds the waiting tickets only (status in its WHERE, not in its key): calling
-- or finishing a ticket leaves it instead of moving its entry across the index (two pages less
-- per call), and it no longer carries every ticket of every past day. Every query that reads
-- it says status = 'waiting'.
DROP INDEX tickets_queue;
CREATE INDEX tickets_queue ON tickets (business_day, service_code, priority_class, target_window_id, queue_key)
  WHERE status = 'waiting';

-- Likewise a window's tickets: a waiting ticket has no window, so issuing one writes nothing here.
DROP INDEX tickets_by_window;
CREATE INDEX tickets_by_window ON tickets (window_id, status) WHERE window_id IS NOT NULL;
