/// Why a streamed file could not be read to its end: the bytes could not be read, or they
/// are not text in the encoding in use.
public enum StreamFailure: Error, Sendable {
    case source(ByteSourceFailure)
    case decode(TextDecoding.Failure)
}
