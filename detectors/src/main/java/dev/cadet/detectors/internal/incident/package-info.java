/**
 * From findings to decisions: the correlator that groups findings into incidents, the escalation
 * policy (the T1651 playbook as data), approvals of automation and sources, and the containment steps.
 */
package dev.cadet.detectors.internal.incident;
