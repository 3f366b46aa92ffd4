-- 好差评: one rating per service received. A ticket number repeats every day, so a ticket
-- is identified by its id; a case by its number. Existing rows keep ticket_id NULL.
ALTER TABLE evaluations ADD COLUMN ticket_id INTEGER REFERENCES tickets (id);
CREATE UNIQUE INDEX evaluations_one_per_ticket ON evaluations (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE UNIQUE INDEX evaluations_one_per_case ON evaluations (case_number) WHERE subject_kind = 'case';
