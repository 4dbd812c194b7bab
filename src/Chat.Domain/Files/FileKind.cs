namespace Chat.Domain.Files;

/// <summary>What people filter shared files by: the kinds a files panel offers.</summary>
public enum FileKind
{
    Image,
    Pdf,
    Document,
    Archive,
    Text,
}

public static class FileKinds
{
    /// <summary>The kind of a stored content type (always one of <see cref="FileType.Allowed"/>).</summary>
    public static FileKind Of(string contentType) => contentType switch
    {
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => FileKind.Image,
        "application/pdf" => FileKind.Pdf,
        "application/zip" => FileKind.Archive,
        _ when contentType.StartsWith("application/vnd.openxmlformats", StringComparison.Ordinal) => FileKind.Document,
        _ => FileKind.Text,
    };

    /// <summary>The content types of one kind, for filtering stored files.</summary>
    public static IReadOnlyList<string> ContentTypes(FileKind kind) =>
        [.. FileType.Allowed.Values.Select(t => t.ContentType).Distinct().Where(t => Of(t) == kind)];
}
