using Chat.Domain.Common;

namespace Chat.Application.Files;

/// <summary>Makes shared images safe to show: metadata stripped from the original, and a small thumbnail.</summary>
public interface IImagePreviews
{
    /// <summary>
    /// Re-encodes the image without EXIF, GPS, IPTC or XMP metadata and makes a thumbnail no larger than
    /// <see cref="ThumbnailSize"/> on either side. Images over the pixel limit (decompression bombs) or that cannot be
    /// decoded are refused with an error, never an exception.
    /// </summary>
    Task<Result<ProcessedImage>> ProcessAsync(Stream original, string contentType, CancellationToken cancellationToken);

    public const int ThumbnailSize = 360;
}

/// <param name="Original">The image re-encoded in its own format, without metadata.</param>
/// <param name="Thumbnail">A PNG or JPEG no larger than the thumbnail size; never enlarged.</param>
public sealed record ProcessedImage(
    byte[] Original, int Width, int Height, byte[] Thumbnail, string ThumbnailContentType, int ThumbnailWidth, int ThumbnailHeight);
