using System.Text;

namespace Chat.Domain.Common;

/// <summary>
/// Names people read (display names, file names) as they will be seen: Unicode NFC, and without the characters that
/// make text look other than it is: bidirectional overrides, isolates and marks (a ".txt" shown as ".pdf") and invisible
/// ones (zero-width space, word joiner, byte-order mark, soft hyphen). Zero-width joiners stay: emoji and some scripts
/// need them.
/// </summary>
public static class VisibleText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        if (!normalized.Any(IsDeceptive))
        {
            return normalized;
        }

        return new string([.. normalized.Where(c => !IsDeceptive(c))]);
    }

    public static bool IsDeceptive(char c) => c switch
    {
        '\u061C' or '\u200E' or '\u200F' => true,          // Arabic letter mark, left-to-right and right-to-left marks
        >= '\u202A' and <= '\u202E' => true,               // embeddings and overrides
        >= '\u2066' and <= '\u2069' => true,               // isolates
        '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' => true, // zero-width space, word joiner, byte-order mark, soft hyphen
        >= '\u2061' and <= '\u2064' => true,               // invisible operators
        _ => false,
    };
}
