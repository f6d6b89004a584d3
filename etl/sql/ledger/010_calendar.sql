-- How far the records go: the latest date an activity took place, a collaboration started or a
-- milestone was reached, not after the build date ($today) and not before the project start.
INSERT INTO project_calendar
SELECT $project_start, $project_end, $period_months,
       least($today, greatest(
           $project_start,
           coalesce((SELECT max(date) FROM activity WHERE date <= $today), $project_start),
           coalesce((SELECT max(started_on) FROM collaboration WHERE started_on <= $today),
                    $project_start),
           coalesce((SELECT max(done_on) FROM milestone WHERE done_on <= $today), $project_start)
       )),
       $grace_days
