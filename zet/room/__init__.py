"""The live room: a dagdeel with its rounds, groups, participants and what they give, step by step,
and what its screens show."""
