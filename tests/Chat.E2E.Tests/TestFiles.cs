using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Chat.E2E.Tests;

/// <summary>Files the browser tests share.</summary>
public static class TestFiles
{
    /// <summary>A PNG of the given size.</summary>
    public static byte[] Png(int width = 40, int height = 20)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(30, 120, 200));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    // Built from two halves so the repository never holds the EICAR test string.
    public static byte[] Eicar() =>
        System.Text.Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-" + "STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
}
