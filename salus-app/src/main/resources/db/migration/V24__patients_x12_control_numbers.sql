-- Interchange and group control numbers (ISA13, GS06) of outgoing X12 transactions: unique across
-- nodes and restarts, as trading partners reject a reused one as a duplicate interchange.
create sequence patients_x12_control_number start with 1 increment by 1;
