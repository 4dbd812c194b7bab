namespace Chat.Application.Common;

/// <summary>The response of a use case that succeeds without returning data.</summary>
public sealed record Done
{
    public static Done Instance { get; } = new();
}
