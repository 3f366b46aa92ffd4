-- Bookings the central API stopped listing (cancelled, or moved to another day) were deleted from
-- the day's cached list; the manager's desk (issue 19) shows them as cancelled instead, so a
-- supervisor can tell "cancelled" from "never booked". cancelled_at: the pull that no longer
-- listed it; a later pull that lists it again clears it. A booking already checked in is never
-- cancelled here (its ticket exists). A cancelled booking's check-in code is dropped (replaced by
-- a placeholder, the column is NOT NULL UNIQUE): its QR checks nothing in any more.

ALTER TABLE appointments ADD COLUMN cancelled_at TEXT;
