using Chat.Application.Files;
using Chat.Domain.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Chat.Infrastructure.Files;

/// <summary>ImageSharp 2.1 (Apache-2.0): identify first, refuse what is too large to decode, then strip and shrink.</summary>
internal sealed class ImageSharpPreviews : IImagePreviews
{
    /// <summary>40 megapixels: a large photo fits, a decompression bomb does not.</summary>
    public const long MaxPixels = 40_000_000;

    public async Task<Result<ProcessedImage>> ProcessAsync(Stream original, string contentType, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(original, cancellationToken);
        try
        {
            var info = Image.Identify(bytes);
            if (info is null)
            {
                return Unreadable;
            }

            if ((long)info.Width * info.Height > MaxPixels)
            {
                return Error.Invalid(
                    "file.image_too_large", $"This image is {info.Width:N0} × {info.Height:N0} pixels, more than can be shown safely.");
            }

            using var image = Image.Load(bytes);
            Strip(image);
            var stripped = Encode(image, EncoderFor(contentType));
            var thumbnailEncoder = contentType == "image/jpeg" ? (IImageEncoder)new JpegEncoder { Quality = 85 } : new PngEncoder();
            // Small images stay as they are: a thumbnail is never enlarged.
            if (image.Width > IImagePreviews.ThumbnailSize || image.Height > IImagePreviews.ThumbnailSize)
            {
                image.Mutate(x => x.Resize(new ResizeOptions
                {
                    Size = new Size(IImagePreviews.ThumbnailSize, IImagePreviews.ThumbnailSize),
                    Mode = ResizeMode.Max,
                }));
            }

            var thumbnail = Encode(image, thumbnailEncoder);
            return new ProcessedImage(
                stripped, info.Width, info.Height, thumbnail,
                contentType == "image/jpeg" ? "image/jpeg" : "image/png", image.Width, image.Height);
        }
        catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return Unreadable;
        }
    }

    private static Error Unreadable => Error.Invalid("file.image_unreadable", "This image is damaged or cannot be read.");

    // Every kind of metadata that can say who, where or with what: EXIF (GPS), IPTC and XMP on the image and each
    // frame, and the formats' own text: PNG text chunks (author, software, comments) and GIF comments. Colour
    // profiles stay, so the picture looks the same.
    private static void Strip(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        image.Metadata.GetGifMetadata().Comments.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static IImageEncoder EncoderFor(string contentType) => contentType switch
    {
        "image/jpeg" => new JpegEncoder { Quality = 90 },
        "image/gif" => new GifEncoder(),
        "image/webp" => new WebpEncoder(),
        _ => new PngEncoder(),
    };

    private static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
