-- Demand and supply of the occupations one opportunity needs, per side of the border.
SELECT s.isco_code, g.country, g.area, g.demand, g.demand_period, g.supply, g.supply_period,
       g.is_sample, g.source_ids
FROM energy_opportunity_skill s
LEFT JOIN energy_skill_gap g USING (opportunity_id, isco_code)
WHERE s.opportunity_id = $opportunity_id
ORDER BY s.isco_code, g.country DESC
