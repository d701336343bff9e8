using Microsoft.Data.Sqlite;

namespace Clinic.Testing;

/// <summary>
/// A throw-away SQLite database file under the system temp folder (a prefix, a GUID and <c>.db</c>); nothing is created
/// until SQLite opens it. On dispose the SQLite pools are cleared and the file is deleted with its <c>-wal</c> and
/// <c>-shm</c> companions.
/// </summary>
public sealed class SqliteTestFile : IDisposable
{
    /// <summary>Names a new file; the folder is the system temp folder.</summary>
    /// <param name="prefix">The start of the file name, such as <c>clinic_users_</c>; a GUID and <c>.db</c> follow it.</param>
    public SqliteTestFile(string prefix = "clinic_test_") =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N") + ".db");

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Deletes the file and its journal files; a file that cannot be deleted is left behind.</summary>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
            }
        }
    }
}
