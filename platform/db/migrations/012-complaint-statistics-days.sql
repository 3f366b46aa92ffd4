-- 查询统计's settled days (platform/services/complaint-figures.ts): each unit's figures of one
-- Beijing day that has passed, as the day alone settles them (the steps taken on it, the stage
-- runs due on it, the evaluations given on it: contracts/complaint-assessment.ts UnitFigures with
-- `overdue` 0), so a year of statistics reads 365 rows instead of counting a year of steps. Emptied
-- when the calendar or the deadline rules change (the stage runs' due days move with them).
-- PostgreSQL 15 and PGlite alike.
CREATE TABLE complaint_statistics_days (
  day date PRIMARY KEY,
  figures jsonb NOT NULL,
  counted_at timestamptz NOT NULL
);
