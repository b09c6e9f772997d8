/** Where a message's clauses break: "lovely, sorted then, ta", "ugh fine. roughly how many…". */
export const CLAUSE_BREAK = /[.!?;,]\s+/;
