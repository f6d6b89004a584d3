-- Records added and removed (members joined and left) in $scope ('version' or 'report').
SELECT kind, grp, item_id, label, detail, change
FROM change_item
WHERE scope = $scope
ORDER BY kind, change, grp, detail, item_id
