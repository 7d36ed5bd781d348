/// Why an item could not be sent this time. Recorded in the outbox ledger as the row's error
/// and retried at `retry_minutes`; each message says what an operator can do about it.
public struct DeliveryError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
