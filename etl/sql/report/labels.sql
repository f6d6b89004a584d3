-- Names of the counted activities, companies and collaborations (filled by the build).
SELECT kind, id, date, type, label, associations FROM evidence_label
