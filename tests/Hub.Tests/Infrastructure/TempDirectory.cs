namespace SharingHub.Hub.Tests.Infrastructure;

internal static class TempDirectory
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "sharinghub-tests", prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a disposing host: the OS temp cleaner takes it.
        }
    }
}
