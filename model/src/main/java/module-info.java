/**
 * The normalized vocabulary of cadet: cloud audit events, findings, incidents and decisions.
 * Immutable records on java.base alone, so that every other module and every embedding
 * pipeline can share them without pulling in a library.
 */
module dev.cadet.model {
    exports dev.cadet.model;
}
