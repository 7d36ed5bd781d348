/// How kam hands messages over and when it tries again (config `delivery`, SPEC §9).
public struct DeliverySettings: Sendable, Equatable {
    /// A sendmail-compatible command line; the message is written to its standard input. The
    /// group's relay (SMTP auth, TLS) is configured once in the MTA, not in kam.
    public var mailCommand = "/usr/sbin/sendmail -t -oi"
    public var from = "kam <kam@localhost>"
    /// Attachments above this many MiB in one message are split into numbered parts.
    public var maxAttachmentsMB = 20
    /// Reminders go this many days before each fire time, largest first.
    public var remindDays = [3, 1]
    /// Minutes to wait after the 1st, 2nd, … failed try; after the last one the operator is told.
    public var retryMinutes = [5, 30, 120, 720]

    public init() {}
}
