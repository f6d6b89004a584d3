-- The items that came or went from one inventory (temp table inventory_before) to the next
-- (inventory_after), both made by inventory.sql: members joined or left (a member also leaves
-- when its member_until has passed), every other item added or removed. A row shows the item
-- as it is now, or as it was when it is gone.
WITH paired AS (
    SELECT a.item_id IS NOT NULL AS is_now,
           coalesce(b.state = 'active', false) AS was_in,
           coalesce(a.state = 'active', false) AS now_in,
           b.item_id IS NOT NULL AS was,
           CASE WHEN a.item_id IS NOT NULL THEN a ELSE b END AS item
    FROM inventory_after a
    FULL JOIN inventory_before b ON a.kind = b.kind AND a.item_id = b.item_id
),
judged AS (
    SELECT item,
           CASE WHEN item.kind = 'member' THEN
                    CASE WHEN now_in AND NOT was_in THEN 'joined'
                         WHEN was_in AND NOT now_in THEN 'left' END
                WHEN is_now AND NOT was THEN 'added'
                WHEN was AND NOT is_now THEN 'removed' END AS change
    FROM paired
)
SELECT item.kind, coalesce(item.grp, '') AS grp, item.item_id,
       coalesce(item.label, '') AS label, coalesce(item.detail, '') AS detail, change
FROM judged
WHERE change IS NOT NULL
ORDER BY item.kind, item.item_id
