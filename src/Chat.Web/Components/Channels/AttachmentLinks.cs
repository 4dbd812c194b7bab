namespace Chat.Web.Components.Channels;

/// <summary>How shared files are linked and sized wherever they are listed.</summary>
internal static class AttachmentLinks
{
    public static string Href(Guid fileId, string name) => $"/files/{fileId}/{Uri.EscapeDataString(name)}";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
