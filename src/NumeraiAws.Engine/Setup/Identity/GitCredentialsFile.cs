using System;
using System.IO;
using System.Security;
using System.Text;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>
    /// The CSV the IAM console offers for HTTPS Git credentials ("User Name,Password" and one row), written so that
    /// only its owner can read it: created with mode 0600 on Unix, never overwriting a file unless asked.
    /// </summary>
    public static class GitCredentialsFile
    {
        public const string Header = "User Name,Password";

        /// <summary>The file's text, CSV per RFC 4180 (CRLF line ends, fields quoted only when they must be).</summary>
        public static string Content(string serviceUserName, string password) =>
            Header + "\r\n" + Field(serviceUserName) + "," + Field(password) + "\r\n";

        /// <summary>Refuses a target that cannot or must not be written, before anything is minted.</summary>
        public static void CheckTarget(string path, bool force)
        {
            if (Directory.Exists(path))
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "OutFileIsDirectory",
                    $"-OutFile '{path}' is a directory.", "Pass the path of a file to create, e.g. ./codecommit-credentials.csv.", path);
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
                throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "OutFileDirectoryNotFound",
                    $"The folder of -OutFile '{path}' does not exist.", "Create the folder first, or pass a path in an existing one.", path);
            if (File.Exists(path) && !force)
                throw new NumeraiAwsException(ErrorKind.ResourceExists, "OutFileExists",
                    $"-OutFile '{path}' already exists; it is not overwritten (it may hold credentials that are still in use). Nothing was created.",
                    "Pass another path, or add -Force to replace the file.", path);
        }

        /// <summary>Writes the file with owner-only permissions; with <paramref name="overwrite"/> it replaces an existing one atomically.</summary>
        public static void Write(string path, string serviceUserName, SecureString password, bool overwrite)
        {
            var bytes = new UTF8Encoding(false).GetBytes(Content(serviceUserName, SecureText.Reveal(password)));
            try
            {
                if (!overwrite)
                {
                    WriteNew(path, bytes);
                    return;
                }
                // A new file has the new mode; an existing one would keep its own, so write beside it and move over it.
                var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
                WriteNew(temp, bytes);
                try
                {
#if NET
                    File.Move(temp, path, overwrite: true);
#else
                    if (File.Exists(path)) File.Delete(path);
                    File.Move(temp, path);
#endif
                }
                catch
                {
                    File.Delete(temp);
                    throw;
                }
            }
            finally
            {
                Array.Clear(bytes, 0, bytes.Length);
            }
        }

        private static void WriteNew(string path, byte[] bytes)
        {
#if NET
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, options)) stream.Write(bytes, 0, bytes.Length);
#else
            // Windows PowerShell: the file inherits the folder's ACL (a user profile folder is owner-only by default).
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None)) stream.Write(bytes, 0, bytes.Length);
#endif
        }

        private static string Field(string value)
        {
            value = value ?? "";
            return value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }
    }
}
