namespace Chat.Domain.Common;

/// <summary>What kind of expected failure an <see cref="Error"/> is; endpoints and components map it to a response.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Forbidden,
    Unauthorized,
    Conflict,
    RateLimited,

    /// <summary>It existed but was removed for good (an infected file).</summary>
    Gone,
}

/// <summary>An expected failure: a stable code for clients and a message for people.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    public static Error Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error RateLimited(string code, string message) => new(ErrorKind.RateLimited, code, message);

    public static Error Gone(string code, string message) => new(ErrorKind.Gone, code, message);

    public static readonly Error Unauthenticated =
        new(ErrorKind.Unauthorized, "auth.required", "You need to sign in to do that.");
}
