package dev.cadet.model;

/** What an audit event means for T1651 (cloud administration command). */
public enum EventKind {
    /** A command, script or user data pushed to a VM (SSM SendCommand, Azure runCommand, GCP startup-script). */
    COMMAND_EXECUTION,
    /** An interactive shell or console opened on a VM (SSM StartSession, serial console, instance connect). */
    INTERACTIVE_SESSION,
    /** A reusable script or command document created or shared. */
    SCRIPT_DEFINITION,
    /** Reading command results or listing managed instances: reconnaissance around commands. */
    COMMAND_RECON,
    /** A sign-in or token issue (console login, GetSessionToken, AssumeRole, Entra sign-in). */
    AUTHENTICATION,
    /** New or changed credentials (access keys, login profiles, service principal secrets). */
    CREDENTIAL_CHANGE,
    /** New or changed permissions (policy attachments, role assignments, IAM policy bindings). */
    PRIVILEGE_CHANGE,
    /** Anything else; kept because it feeds baselines and "what else did this principal do". */
    OTHER;

    /** True for the kinds that run code on a machine: command executions and interactive sessions. */
    public boolean runsOnMachine() {
        return this == COMMAND_EXECUTION || this == INTERACTIVE_SESSION;
    }
}
