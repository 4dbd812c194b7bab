using Chat.Domain.Common;

namespace Chat.Domain.Files;

/// <summary>
/// A file's name as shown and offered on download: no folders, no control characters, nothing that makes it look
/// other than it is (<see cref="VisibleText"/>), at most 255 characters.
/// </summary>
public static class FileName
{
    public const int MaxLength = 255;

    public static string Clean(string? name)
    {
        var last = VisibleText.Clean(name).Replace('\\', '/').Split('/')[^1];
        var cleaned = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim().Trim('.');
        if (cleaned.Length == 0)
        {
            return "file";
        }

        if (cleaned.Length <= MaxLength)
        {
            return cleaned;
        }

        var extension = Path.GetExtension(cleaned);
        return cleaned[..(MaxLength - extension.Length)] + extension;
    }
}
