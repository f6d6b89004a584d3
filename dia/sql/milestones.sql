-- Milestones of the work plan with their state on data_as_of: done (on time or late), overdue
-- (open past its date plus the grace days) or open; work package and milestone names in $lang
-- (a milestone without a name in $lang keeps the wording of the work plan).
SELECT w.work_package, w.position,
       CASE $lang WHEN 'nl' THEN w.name_nl WHEN 'de' THEN w.name_de ELSE w.name_en END AS work_package_name,
       coalesce(CASE $lang WHEN 'nl' THEN m.milestone_nl WHEN 'de' THEN m.milestone_de
                    ELSE m.milestone_en END, m.milestone) AS milestone,
       m.planned_on, m.done_on,
       CASE
           WHEN m.done_on IS NOT NULL AND m.done_on <= m.planned_on + c.grace_days THEN 'done'
           WHEN m.done_on IS NOT NULL THEN 'done late'
           WHEN m.planned_on + c.grace_days < c.data_as_of THEN 'overdue'
           ELSE 'open'
       END AS state,
       CASE
           WHEN m.done_on IS NOT NULL THEN m.done_on - m.planned_on
           WHEN m.planned_on < c.data_as_of THEN c.data_as_of - m.planned_on
       END AS days_late
FROM milestone m
JOIN work_package w USING (work_package)
CROSS JOIN project_calendar c
ORDER BY w.position, m.planned_on, m.milestone
