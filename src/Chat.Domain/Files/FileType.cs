using System.Text;
using Chat.Domain.Common;

namespace Chat.Domain.Files;

/// <summary>A kind of file people may share: its extension, the content type it is served as, and how it is recognised.</summary>
public sealed record FileType(string Extension, string ContentType, FileFamily Family)
{
    /// <summary>The allow-list: anything else is refused, whatever its name says.</summary>
    public static readonly IReadOnlyDictionary<string, FileType> Allowed = new Dictionary<string, FileType>(StringComparer.Ordinal)
    {
        ["png"] = new("png", "image/png", FileFamily.Image),
        ["jpg"] = new("jpg", "image/jpeg", FileFamily.Image),
        ["jpeg"] = new("jpeg", "image/jpeg", FileFamily.Image),
        ["gif"] = new("gif", "image/gif", FileFamily.Image),
        ["webp"] = new("webp", "image/webp", FileFamily.Image),
        ["pdf"] = new("pdf", "application/pdf", FileFamily.Pdf),
        ["zip"] = new("zip", "application/zip", FileFamily.Zip),
        ["docx"] = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileFamily.Zip),
        ["xlsx"] = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileFamily.Zip),
        ["pptx"] = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", FileFamily.Zip),
        ["txt"] = new("txt", "text/plain", FileFamily.Text),
        ["log"] = new("log", "text/plain", FileFamily.Text),
        ["md"] = new("md", "text/markdown", FileFamily.Text),
        ["csv"] = new("csv", "text/csv", FileFamily.Text),
        ["json"] = new("json", "application/json", FileFamily.Text),
    };

    /// <summary>How many leading bytes <see cref="Check"/> needs to look at.</summary>
    public const int HeadLength = 4096;

    /// <summary>
    /// The type of a file named <paramref name="fileName"/> whose content starts with <paramref name="head"/>: the
    /// extension must be allowed and the bytes must really be that kind of file. An <c>.exe</c> renamed <c>.png</c>,
    /// or HTML or SVG posing as an image, is refused. Images take the type their bytes show (a PNG named .jpg is a PNG).
    /// </summary>
    /// <param name="workspaceAllows">The extensions the workspace narrows the allow-list to; all of it when null.</param>
    public static Result<FileType> Check(string fileName, ReadOnlySpan<byte> head, IReadOnlySet<string>? workspaceAllows = null)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (!Allowed.TryGetValue(extension, out var claimed) || workspaceAllows?.Contains(extension) == false)
        {
            var allowed = Allowed.Keys.Where(k => workspaceAllows?.Contains(k) != false);
            return Error.Invalid(
                "file.type_not_allowed",
                $"Files of type {(extension.Length == 0 ? "(none)" : "." + extension)} cannot be shared. Allowed: "
                + string.Join(", ", allowed.Select(k => "." + k)) + ".");
        }

        var detected = Detect(head);
        if (detected is null || detected.Family != claimed.Family)
        {
            return Error.Invalid(
                "file.type_mismatch",
                $"{fileName} is not really a .{extension} file (its content is {Describe(head)}), so it cannot be shared.");
        }

        return claimed.Family == FileFamily.Image ? detected : claimed;
    }

    /// <summary>What the bytes are, from their magic numbers; null for anything not on the allow-list.</summary>
    public static FileType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Allowed["png"];
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Allowed["jpg"];
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Allowed["gif"];
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return Allowed["webp"];
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Allowed["pdf"];
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]))
        {
            return Allowed["zip"];
        }

        return IsPlainText(head) ? Allowed["txt"] : null;
    }

    /// <summary>
    /// UTF-8 text without NUL bytes. Text is always served as a download with nosniff, so markup inside a text file is
    /// harmless; it can never pass as an image, whose bytes must start with an image signature.
    /// </summary>
    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        try
        {
            // The head may end inside a character: flush false keeps that from counting as invalid.
            decoder.GetCharCount(text, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Describe(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) ? "a Windows program"
        : head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) ? "a Linux program"
        : Detect(head) is { } other ? other.ContentType
        : "markup or binary data";
}

public enum FileFamily
{
    Image,
    Pdf,
    Zip,
    Text,
}
