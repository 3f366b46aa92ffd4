-- 查询统计 (platform/store/complaint-statistics.ts): the 办结期限 that fall in a period, for each
-- unit's 超期 and the 督办单 of the promise. Steps by period already have complaint_steps_by_action.
CREATE INDEX complaints_by_close_due ON complaints (close_due_at);
