"""Energy transition: shared vocabulary, spreadsheet helpers and templates of the energy readers.

The readers themselves live in ``etl/readers`` (``mastr``, ``energy_capacity``,
``energy_opportunities``, ``reference_facts``); matching opportunities to member companies is
the build step ``etl/harmonise/energy.py`` with its SQL in ``etl/sql/energy/``.
"""
