using System.ComponentModel;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ThiDua.Data;

/// <summary>
/// <c>dotnet ThiDua.Web.dll backup --output FILE [--force]</c> and <c>restore --input FILE [--yes]</c>: a copy of
/// the configured database (docs/backup-restore.md). SQLite is copied with SQLite's online backup API, so the app
/// may keep running; PostgreSQL with <c>pg_dump -Fc</c> and <c>pg_restore</c>. Exit 0 with one summary line on
/// standard output; exit 2 when the arguments or the input are refused (nothing was changed); exit 1 when the work
/// failed (nothing was changed either: outputs are written beside the target and renamed, restores are atomic).
/// </summary>
public static partial class BackupCommands
{
    public const int Failed = 1;
    public const int Refused = 2;

    public const string Usage =
        "Cách dùng (usage):\n" +
        "  backup --output TỆP [--force]    sao lưu cơ sở dữ liệu đang cấu hình vào TỆP; --force ghi đè TỆP đã có\n" +
        "                                   (back up the configured database to FILE; --force overwrites FILE)\n" +
        "  restore --input TỆP [--yes]      thay nội dung cơ sở dữ liệu bằng bản sao lưu TỆP rồi nâng cấp lược đồ;\n" +
        "                                   --yes xác nhận khi cơ sở dữ liệu đang có dữ liệu\n" +
        "                                   (replace the database with the backup FILE, then migrate it;\n" +
        "                                   --yes confirms replacing a database that holds data)\n" +
        "SQLite: một tệp .db (a .db file); PostgreSQL: pg_dump -Fc (pg_dump and pg_restore on PATH or under /usr/lib/postgresql).";

    // What every refusal of an input says, so scripts and people recognise it whatever the reason.
    private const string NotABackup = "không phải bản sao lưu ThiDua (not a ThiDua backup)";
    private const string Unchanged = "Cơ sở dữ liệu không bị thay đổi (the database was not changed).";

    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var command = args[0];
        string? file = null;
        bool force = false, yes = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--output" when command == "backup" && i + 1 < args.Length: file = args[++i]; break;
                case "--input" when command == "restore" && i + 1 < args.Length: file = args[++i]; break;
                case "--force" when command == "backup": force = true; break;
                case "--yes" when command == "restore": yes = true; break;
                case "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return 0;
                // Settings on the command line (--Database:Path x, --ConnectionStrings:Default=…) are the host's.
                case var s when s.StartsWith("--", StringComparison.Ordinal) && (s.Contains(':', StringComparison.Ordinal) || s.Contains('=', StringComparison.Ordinal)):
                    if (!s.Contains('=', StringComparison.Ordinal)) i++;
                    break;
                default:
                    stderr.WriteLine($"{command}: tham số không hiểu hoặc thiếu giá trị \"{args[i]}\" (unknown or incomplete argument)");
                    stderr.WriteLine(Usage);
                    return Refused;
            }
        }
        if (string.IsNullOrWhiteSpace(file))
        {
            stderr.WriteLine(command == "backup" ? "backup: thiếu --output TỆP (missing --output FILE)" : "restore: thiếu --input TỆP (missing --input FILE)");
            stderr.WriteLine(Usage);
            return Refused;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var location = services.GetRequiredService<DatabaseLocation>();
            Summary summary;
            if (command == "backup")
            {
                summary = location.Provider switch
                {
                    DatabaseProvider.Postgres => await PostgresBackup.RunAsync(location, Path.GetFullPath(file), force, stderr),
                    _ => SqliteBackup.Run(location, Path.GetFullPath(file), force),
                };
            }
            else
            {
                summary = location.Provider switch
                {
                    // Migrations as start-up runs them (under its lock), once the backup's content is in place.
                    DatabaseProvider.Postgres => await PostgresRestore.RunAsync(location, Path.GetFullPath(file), yes, () => DatabaseSetup.MigrateAsync(services), stderr),
                    _ => await SqliteRestore.RunAsync(location, Path.GetFullPath(file), yes),
                };
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{command}: file={summary.File} bytes={summary.Bytes} tables={summary.Tables} rows={summary.Rows} migrations-applied={summary.MigrationsApplied} seconds={clock.Elapsed.TotalSeconds:0.00}"));
            return 0;
        }
        catch (BackupRefusal ex)
        {
            stderr.WriteLine($"{command}: {ex.Message}");
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException or InvalidOperationException or Win32Exception)
        {
            stderr.WriteLine($"{command}: thất bại (failed): {ex.Message}");
            return Failed;
        }
    }

    /// <summary>What the summary line reports: the file written or read, and what the database now holds.</summary>
    internal sealed record Summary(string File, long Bytes, int Tables, long Rows, int MigrationsApplied);

    /// <summary>A refusal or failure with its message for the operator; the database and the output are untouched.</summary>
    internal sealed class BackupRefusal(int exitCode, string message) : Exception(message)
    {
        public int ExitCode { get; } = exitCode;
    }

    private static BackupRefusal Refuse(string message) => new(Refused, message);

    private static BackupRefusal Fail(string message) => new(Failed, message);

    /// <summary>Refuses before any work when the output exists (without --force) or its folder does not.</summary>
    private static void CheckOutput(string output, bool force)
    {
        if (Directory.Exists(output)) throw Refuse($"\"{output}\" là một thư mục (is a directory); hãy ghi tên tệp (name a file).");
        if (File.Exists(output) && !force)
            throw Refuse($"tệp \"{output}\" đã có; thêm --force để ghi đè (the output exists; add --force to overwrite it).");
        var dir = Path.GetDirectoryName(output)!;
        if (!Directory.Exists(dir)) throw Refuse($"không có thư mục \"{dir}\" (the folder does not exist).");
    }

    /// <summary>
    /// An empty file beside <paramref name="target"/> that only its owner can read: backups hold personal data, and
    /// a rename within one folder is atomic, so a failed backup never leaves a half-written file under the real name.
    /// </summary>
    private static string CreateScratchBeside(string target, string suffix)
    {
        var path = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.{suffix}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (new FileStream(path, options)) { }
        return path;
    }

    private static void DeleteQuietly(string path)
    {
        foreach (var f in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            try { File.Delete(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static byte[] ReadHeader(string path)
    {
        if (!File.Exists(path)) throw Refuse($"không có tệp \"{path}\" (no such file).");
        using var f = File.OpenRead(path);
        var header = new byte[16];
        var n = f.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return header[..n];
    }

    /// <summary>
    /// The backup's migrations against this build's: none known means another program's database; one this
    /// build lacks means a newer ThiDua made it, and migrating it with this build's model would lose data.
    /// </summary>
    private static void CheckMigrations(string input, IReadOnlyCollection<string> applied, IReadOnlyCollection<string> known)
    {
        if (!applied.Any(known.Contains))
            throw Refuse($"\"{input}\" {NotABackup}: không có lần nâng cấp lược đồ nào của ThiDua (it has no migration of this app). {Unchanged}");
        var unknown = applied.Where(m => !known.Contains(m)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0) return;
        var last = known.Max(StringComparer.Ordinal)!;
        var newer = unknown.Any(m => string.CompareOrdinal(m, last) > 0);
        throw Refuse((newer
                ? $"bản sao lưu \"{input}\" do phiên bản ThiDua mới hơn tạo ra; hãy khôi phục bằng phiên bản đó hoặc mới hơn (the backup has migrations newer than this build knows; restore it with that version or a newer one)"
                : $"bản sao lưu \"{input}\" có lần nâng cấp lược đồ mà bản này không biết (the backup has migrations this build does not know)")
            + $": {string.Join(", ", unknown)}; bản này biết đến (this build knows up to) {last}. {Unchanged}");
    }

    /// <summary>What a restore would replace: people, units and accounts in the target, or null when it holds none.</summary>
    private static async Task<string?> ExistingDataAsync(DbConnection conn, Func<string, Task<bool>> tableExists)
    {
        async Task<long> Count(string table) => await tableExists(table) ? await ScalarAsync(conn, $"SELECT count(*) FROM \"{table}\"") : 0;
        var people = await Count("People");
        var units = await Count("Units");
        var accounts = await Count("AspNetUsers");
        if (people + units + accounts == 0) return null;
        return string.Create(CultureInfo.InvariantCulture, $"{people} người (people), {units} đơn vị (units), {accounts} tài khoản (accounts)");
    }

    private static BackupRefusal NeedsConfirmation(string target, string existing, string input) =>
        Refuse($"cơ sở dữ liệu {target} đang có dữ liệu: {existing}. Lệnh này sẽ thay toàn bộ bằng nội dung của \"{input}\"; chạy lại với --yes để xác nhận " +
               $"(the database holds data that the restore would replace; run again with --yes to confirm). {Unchanged}");

    private static async Task<long> ScalarAsync(DbConnection conn, string sql, DbTransaction? tx = null)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.CommandTimeout = 0;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> StringsAsync(DbConnection conn, string sql, DbTransaction? tx = null)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    /// <summary>Tables and rows, for the summary line: every table, read in one snapshot (the caller's transaction).</summary>
    private static async Task<(int Tables, long Rows)> CountRowsAsync(DbConnection conn, IEnumerable<string> quotedTables, DbTransaction? tx = null)
    {
        var tables = 0;
        long rows = 0;
        foreach (var t in quotedTables)
        {
            tables++;
            rows += await ScalarAsync(conn, $"SELECT count(*) FROM {t}", tx);
        }
        return (tables, rows);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IReadOnlyCollection<string> KnownMigrations(DatabaseLocation location)
    {
        using var db = location.CreateContext();
        return db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>SQLite: the online backup API, page by page from a read snapshot, so writers (WAL) carry on meanwhile.</summary>
    private static class SqliteBackup
    {
        public static Summary Run(DatabaseLocation location, string output, bool force)
        {
            var source = Sqlite.FilePath(location);
            if (!File.Exists(source)) throw Refuse($"không có cơ sở dữ liệu tại \"{source}\" (no database at that path).");
            if (string.Equals(source, output, StringComparison.Ordinal)) throw Refuse("tệp sao lưu trùng với cơ sở dữ liệu (the output is the database itself).");
            CheckOutput(output, force);
            var scratch = CreateScratchBeside(output, "tmp");
            try
            {
                (int Tables, long Rows) counts;
                using (var src = Sqlite.Open(source, SqliteOpenMode.ReadWrite))
                using (var dst = Sqlite.Open(scratch, SqliteOpenMode.ReadWrite))
                {
                    // One step (-1) copies every page under one read transaction: a consistent snapshot.
                    src.BackupDatabase(dst);
                    // A self-contained file: the copied header may say WAL, which needs -wal/-shm beside it.
                    Sqlite.Exec(dst, "PRAGMA journal_mode=DELETE;");
                    if (Sqlite.Text(dst, "PRAGMA quick_check;") != "ok") throw Fail("bản sao vừa ghi không đọc lại được (the copy does not pass quick_check).");
                    counts = Sqlite.CountRows(dst);
                }
                File.Move(scratch, output, overwrite: force);
                return new Summary(output, new FileInfo(output).Length, counts.Tables, counts.Rows, 0);
            }
            finally
            {
                DeleteQuietly(scratch);
            }
        }
    }

    /// <summary>
    /// SQLite: the input is copied to a scratch file beside the database, checked and migrated there, then written
    /// over the database with the backup API, which takes the writer lock and changes it in one transaction:
    /// the running app sees the old or the new content, never a mix, and a refused input changes nothing.
    /// </summary>
    private static class SqliteRestore
    {
        public static async Task<Summary> RunAsync(DatabaseLocation location, string input, bool yes)
        {
            var header = ReadHeader(input);
            if (header.AsSpan().StartsWith(PgDumpMagic))
                throw Refuse($"\"{input}\" {NotABackup} cho SQLite: đây là bản sao lưu PostgreSQL (pg_dump), còn cơ sở dữ liệu đang cấu hình là SQLite (it is a PostgreSQL dump; the configured database is SQLite). {Unchanged}");
            if (!header.AsSpan().SequenceEqual(SqliteMagic))
                throw Refuse($"\"{input}\" {NotABackup}: không phải tệp SQLite (not a SQLite database). {Unchanged}");
            var target = Sqlite.FilePath(location);
            var staging = CreateScratchBeside(target, "restore");
            try
            {
                File.Copy(input, staging, overwrite: true);
                List<string> applied;
                try
                {
                    using var st = Sqlite.Open(staging, SqliteOpenMode.ReadWrite);
                    Sqlite.Exec(st, "PRAGMA journal_mode=DELETE;");
                    var check = Sqlite.Text(st, "PRAGMA quick_check;");
                    if (check != "ok") throw Refuse($"\"{input}\" {NotABackup}: tệp hỏng (the file is damaged: {check}). {Unchanged}");
                    if (!Sqlite.TableExists(st, "__EFMigrationsHistory"))
                        throw Refuse($"\"{input}\" {NotABackup}: thiếu bảng __EFMigrationsHistory (no __EFMigrationsHistory table). {Unchanged}");
                    applied = await StringsAsync(st, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"");
                }
                catch (SqliteException ex)
                {
                    throw Refuse($"\"{input}\" {NotABackup}: SQLite không đọc được tệp (SQLite cannot read it: {ex.Message}). {Unchanged}");
                }
                CheckMigrations(input, applied, KnownMigrations(location));

                if (File.Exists(target))
                {
                    using var current = Sqlite.Open(target, SqliteOpenMode.ReadWrite);
                    var existing = await ExistingDataAsync(current, t => Task.FromResult(Sqlite.TableExists(current, t)));
                    if (existing is not null && !yes) throw NeedsConfirmation($"\"{target}\"", existing, input);
                }

                // An older backup is brought to this build's schema before it replaces anything.
                int pending;
                await using (var db = new DatabaseLocation(DatabaseProvider.Sqlite, Sqlite.ConnectionString(staging, SqliteOpenMode.ReadWrite)).CreateContext())
                {
                    pending = (await db.Database.GetPendingMigrationsAsync()).Count();
                    // Skipped when there is nothing to do: EF's check of the model against the migrations costs seconds.
                    if (pending > 0) await db.Database.MigrateAsync();
                }

                (int Tables, long Rows) counts;
                using (var st = Sqlite.Open(staging, SqliteOpenMode.ReadWrite))
                using (var dst = Sqlite.Open(target, SqliteOpenMode.ReadWriteCreate))
                {
                    // Into a WAL database the backup API needs equal page sizes; a backup from elsewhere may differ.
                    var pageSize = Sqlite.Text(dst, "PRAGMA page_size;");
                    if (Sqlite.Text(st, "PRAGMA page_size;") != pageSize && Sqlite.Text(dst, "PRAGMA journal_mode;") == "wal")
                        Sqlite.Exec(st, $"PRAGMA page_size={long.Parse(pageSize, CultureInfo.InvariantCulture)}; VACUUM;");
                    st.BackupDatabase(dst);
                    // As DatabaseSetup.MigrateAsync leaves it: readers never wait for the writer.
                    Sqlite.Exec(dst, "PRAGMA journal_mode=WAL;");
                    Sqlite.Exec(dst, "PRAGMA wal_checkpoint(TRUNCATE);");
                    counts = Sqlite.CountRows(dst);
                }
                return new Summary(input, new FileInfo(input).Length, counts.Tables, counts.Rows, pending);
            }
            finally
            {
                DeleteQuietly(staging);
            }
        }
    }

    private static class Sqlite
    {
        public static string FilePath(DatabaseLocation location)
        {
            var source = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
            if (string.IsNullOrWhiteSpace(source) || source.StartsWith(':'))
                throw Fail($"cơ sở dữ liệu SQLite \"{source}\" không phải một tệp (the configured SQLite database is not a file).");
            return Path.GetFullPath(source);
        }

        // Not pooled: the files are closed when the command lets go of them, before renames and deletes.
        public static string ConnectionString(string path, SqliteOpenMode mode) =>
            new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

        public static SqliteConnection Open(string path, SqliteOpenMode mode)
        {
            var conn = new SqliteConnection(ConnectionString(path, mode));
            conn.Open();
            // The backup API waits through SQLite's busy handler (not Microsoft.Data.Sqlite's retries) when the
            // running app holds a lock for a moment.
            Exec(conn, "PRAGMA busy_timeout = 30000;");
            return conn;
        }

        public static void Exec(SqliteConnection conn, string sql)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        public static string Text(SqliteConnection conn, string sql)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }

        public static bool TableExists(SqliteConnection conn, string table)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            cmd.Parameters.AddWithValue("$name", table);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }

        public static (int Tables, long Rows) CountRows(SqliteConnection conn)
        {
            var tables = StringsAsync(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                .GetAwaiter().GetResult();
            return CountRowsAsync(conn, tables.Select(Quote)).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// PostgreSQL: <c>pg_dump -Fc</c> of the snapshot this command counted its rows in (<c>--snapshot</c>), so the
    /// summary describes exactly the file; checked with <c>pg_restore --list</c> before the rename.
    /// </summary>
    private static class PostgresBackup
    {
        public static async Task<Summary> RunAsync(DatabaseLocation location, string output, bool force, TextWriter stderr)
        {
            var pg = new PgServer(location.ConnectionString);
            CheckOutput(output, force);
            await using var conn = await pg.OpenAsync();
            var tools = PgTools.Find(conn.PostgreSqlVersion.Major);
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            await using (var cmd = new NpgsqlCommand("SET TRANSACTION READ ONLY", conn, tx)) await cmd.ExecuteNonQueryAsync();
            string snapshot;
            await using (var cmd = new NpgsqlCommand("SELECT pg_export_snapshot()", conn, tx)) snapshot = (string)(await cmd.ExecuteScalarAsync())!;
            var counts = await CountRowsAsync(conn, await PgServer.TablesAsync(conn, tx), tx);

            var scratch = CreateScratchBeside(output, "tmp");
            try
            {
                var dump = await PgTools.RunAsync(pg.Start(tools.Path("pg_dump"), ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={scratch}"]), stderr);
                if (dump.ExitCode != 0) throw Fail(string.Create(CultureInfo.InvariantCulture, $"pg_dump kết thúc với mã {dump.ExitCode} (pg_dump exited with code {dump.ExitCode})."));
                var list = await PgTools.RunAsync(PgServer.StartOffline(tools.Path("pg_restore"), ["--list", scratch]), stderr);
                if (list.ExitCode != 0 || !list.Stdout.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
                    throw Fail("pg_restore --list không đọc được bản vừa ghi (pg_restore --list cannot read the dump just written).");
                await tx.CommitAsync();
                File.Move(scratch, output, overwrite: force);
                return new Summary(output, new FileInfo(output).Length, counts.Tables, counts.Rows, 0);
            }
            finally
            {
                DeleteQuietly(scratch);
            }
        }
    }

    /// <summary>
    /// PostgreSQL: the dump is read without a server first (<c>pg_restore --list</c>, then its migration history);
    /// only then is the database touched. <c>pg_restore --clean --if-exists --no-owner</c> writes the restore
    /// script and psql runs it in one transaction (<c>--single-transaction</c>, stop at the first error), after
    /// dropping the tables of later migrations the backup predates (they would block the drops and the
    /// migrations): a failure anywhere leaves the database as it was.
    /// </summary>
    private static partial class PostgresRestore
    {
        [GeneratedRegex(@"^\d+;\s+\d+\s+\d+\s+TABLE\s+(?!DATA\s)(?<schema>\S+)\s+(?<name>\S+)\s", RegexOptions.Multiline)]
        private static partial Regex TableEntry();

        public static async Task<Summary> RunAsync(DatabaseLocation location, string input, bool yes, Func<Task> migrate, TextWriter stderr)
        {
            var header = ReadHeader(input);
            if (header.AsSpan().StartsWith(SqliteMagic))
                throw Refuse($"\"{input}\" {NotABackup} cho PostgreSQL: đây là bản sao lưu SQLite, còn cơ sở dữ liệu đang cấu hình là PostgreSQL (it is a SQLite file; the configured database is PostgreSQL). {Unchanged}");
            if (!header.AsSpan().StartsWith(PgDumpMagic))
                throw Refuse($"\"{input}\" {NotABackup}: không phải tệp pg_dump -Fc (not a pg_dump custom-format file). {Unchanged}");

            var pg = new PgServer(location.ConnectionString);
            await using var conn = await pg.OpenAsync();
            var tools = PgTools.Find(conn.PostgreSqlVersion.Major);

            var list = await PgTools.RunAsync(PgServer.StartOffline(tools.Path("pg_restore"), ["--list", input]), stderr);
            if (list.ExitCode != 0) throw Refuse($"\"{input}\" {NotABackup}: pg_restore --list không đọc được tệp (cannot read it). {Unchanged}");
            var dumped = TableEntry().Matches(list.Stdout).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
            if (!dumped.Contains("__EFMigrationsHistory"))
                throw Refuse($"\"{input}\" {NotABackup}: thiếu bảng __EFMigrationsHistory (no __EFMigrationsHistory table). {Unchanged}");
            var history = await PgTools.RunAsync(PgServer.StartOffline(tools.Path("pg_restore"), ["--data-only", "--table=__EFMigrationsHistory", "--file=-", input]), stderr);
            if (history.ExitCode != 0) throw Refuse($"\"{input}\" {NotABackup}: không đọc được lịch sử nâng cấp lược đồ (cannot read its migration history). {Unchanged}");
            CheckMigrations(input, CopiedMigrationIds(history.Stdout), KnownMigrations(location));

            var existing = await ExistingDataAsync(conn, t => PgServer.TableExistsAsync(conn, t));
            if (existing is not null && !yes) throw NeedsConfirmation(pg.Describe(), existing, input);

            // Tables of this build's model that the backup lacks: a later migration made them; it will again.
            var modelTables = ModelTables(location);
            var stale = new List<string>();
            foreach (var t in modelTables.Where(t => !dumped.Contains(t)))
            {
                if (await PgServer.TableExistsAsync(conn, t)) stale.Add(t);
            }
            var preamble = stale.Count == 0 ? null : $"DROP TABLE IF EXISTS {string.Join(", ", stale.Select(Quote))} CASCADE;";

            var script = PgServer.StartOffline(tools.Path("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--file=-", input]);
            List<string> psqlArgs = ["--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1", "--single-transaction", "--output=/dev/null"];
            if (preamble is not null) psqlArgs.Add($"--command={preamble}");
            psqlArgs.Add("--file=-");
            var psql = pg.Start(tools.Path("psql"), psqlArgs, stdin: true);
            if (!await PgTools.PipeAsync(script, psql, stderr))
                throw Fail($"pg_restore/psql không thành công; giao dịch đã hủy (the restore failed and was rolled back). {Unchanged}");

            int pending;
            await using (var db = location.CreateContext())
            {
                pending = (await db.Database.GetPendingMigrationsAsync()).Count();
            }
            if (pending > 0) await migrate();
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            var counts = await CountRowsAsync(conn, await PgServer.TablesAsync(conn, tx), tx);
            await tx.CommitAsync();
            return new Summary(input, new FileInfo(input).Length, counts.Tables, counts.Rows, pending);
        }

        private static HashSet<string> ModelTables(DatabaseLocation location)
        {
            using var db = location.CreateContext();
            return db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        }

        /// <summary>The first column of the COPY block of __EFMigrationsHistory in pg_restore's script.</summary>
        internal static List<string> CopiedMigrationIds(string script)
        {
            var ids = new List<string>();
            var inCopy = false;
            foreach (var line in script.Split('\n'))
            {
                if (!inCopy)
                {
                    inCopy = line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains("\"__EFMigrationsHistory\"", StringComparison.Ordinal);
                    continue;
                }
                if (line == "\\.") break;
                ids.Add(line.Split('\t')[0]);
            }
            return ids;
        }
    }

    /// <summary>
    /// The server of the connection string, as arguments for the PostgreSQL client programs; the password goes
    /// in the environment (PGPASSWORD), never on a command line other users can read.
    /// </summary>
    private sealed class PgServer(string connectionString)
    {
        private readonly NpgsqlConnectionStringBuilder _cs = new(connectionString);

        public string Describe() => string.Create(CultureInfo.InvariantCulture, $"\"{_cs.Database}\" ({_cs.Host}:{_cs.Port})");

        public async Task<NpgsqlConnection> OpenAsync()
        {
            var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_cs.ConnectionString) { Pooling = false, CommandTimeout = 0 }.ToString());
            await conn.OpenAsync();
            return conn;
        }

        public ProcessStartInfo Start(string program, IEnumerable<string> args, bool stdin = false)
        {
            var psi = StartOffline(program, args);
            psi.RedirectStandardInput = stdin;
            if (!string.IsNullOrEmpty(_cs.Host)) psi.ArgumentList.Add($"--host={_cs.Host}");
            psi.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--port={_cs.Port}"));
            if (!string.IsNullOrEmpty(_cs.Username)) psi.ArgumentList.Add($"--username={_cs.Username}");
            if (!string.IsNullOrEmpty(_cs.Database)) psi.ArgumentList.Add($"--dbname={_cs.Database}");
            if (!string.IsNullOrEmpty(_cs.Password)) psi.Environment["PGPASSWORD"] = _cs.Password;
            if (!string.IsNullOrEmpty(_cs.Passfile)) psi.Environment["PGPASSFILE"] = _cs.Passfile;
            psi.Environment["PGSSLMODE"] = _cs.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Prefer => "prefer",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            };
            psi.Environment["PGCONNECT_TIMEOUT"] = _cs.Timeout.ToString(CultureInfo.InvariantCulture);
            psi.Environment["PGAPPNAME"] = "thidua-backup";
            return psi;
        }

        /// <summary>A client program that reads the file only (pg_restore --list, or a script to standard output).</summary>
        public static ProcessStartInfo StartOffline(string program, IEnumerable<string> args)
        {
            var psi = new ProcessStartInfo(program)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var a in args) psi.ArgumentList.Add(a);
            // The script's text, whatever the operator's locale; messages stay in their language.
            psi.Environment["PGCLIENTENCODING"] = "UTF8";
            return psi;
        }

        public static async Task<bool> TableExistsAsync(NpgsqlConnection conn, string table)
        {
            await using var cmd = new NpgsqlCommand("SELECT to_regclass(quote_ident(@t)) IS NOT NULL", conn);
            cmd.Parameters.AddWithValue("t", table);
            return (bool)(await cmd.ExecuteScalarAsync())!;
        }

        /// <summary>Every table pg_dump writes: all schemas but the system's.</summary>
        public static async Task<List<string>> TablesAsync(NpgsqlConnection conn, NpgsqlTransaction tx) =>
            (await StringsAsync(conn,
                "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
                "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", tx));
    }

    /// <summary>
    /// pg_dump, pg_restore and psql of one installation, at least as new as the server: an older pg_dump refuses
    /// a newer server, and an older pg_restore cannot read a newer dump. Debian's /usr/bin wrappers are skipped
    /// (they choose a version by cluster, not by the server asked), the real programs under /usr/lib/postgresql
    /// are found instead.
    /// </summary>
    private sealed partial record PgTools(string Directory, int Major)
    {
        [GeneratedRegex(@"\(PostgreSQL\)\s+(?<major>\d+)")]
        private static partial Regex VersionLine();

        public string Path(string program) => System.IO.Path.Combine(Directory, program);

        public static PgTools Find(int serverMajor)
        {
            var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (System.IO.Directory.Exists("/usr/lib/postgresql"))
                dirs.AddRange(System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(d => System.IO.Path.Combine(d, "bin")));
            var found = new List<PgTools>();
            foreach (var dir in dirs.Distinct(StringComparer.Ordinal))
            {
                var dump = System.IO.Path.Combine(dir, "pg_dump");
                if (!File.Exists(dump) || !File.Exists(System.IO.Path.Combine(dir, "pg_restore")) || !File.Exists(System.IO.Path.Combine(dir, "psql"))) continue;
                if (new FileInfo(dump).ResolveLinkTarget(returnFinalTarget: true) is { Name: "pg_wrapper" }) continue;
                if (Version(dump) is { } major) found.Add(new PgTools(dir, major));
            }
            var best = found.Where(t => t.Major >= serverMajor).OrderByDescending(t => t.Major).FirstOrDefault();
            if (best is not null) return best;
            var seen = found.Count == 0 ? "không thấy bản nào (none found)"
                : "chỉ thấy (found only) " + string.Join(", ", found.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Major} ({t.Directory})")));
            throw Fail(string.Create(CultureInfo.InvariantCulture,
                $"cần pg_dump, pg_restore và psql phiên bản {serverMajor} trở lên trên PATH hoặc trong /usr/lib/postgresql/*/bin; {seen}. " +
                $"Cài đặt (install), ví dụ Debian: apt-get install postgresql-client-{serverMajor} " +
                $"(pg_dump, pg_restore and psql of PostgreSQL {serverMajor} or newer are needed)."));
        }

        private static int? Version(string pgDump)
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(pgDump, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
                var text = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                var m = VersionLine().Match(text);
                return m.Success ? int.Parse(m.Groups["major"].Value, CultureInfo.InvariantCulture) : null;
            }
            catch (Win32Exception)
            {
                return null;
            }
        }

        /// <summary>Runs a program to its end; its standard error goes to ours line by line, as it comes.</summary>
        public static async Task<(int ExitCode, string Stdout)> RunAsync(ProcessStartInfo psi, TextWriter stderr)
        {
            using var p = Process.Start(psi)!;
            var errors = PumpErrorsAsync(p, stderr);
            var stdout = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            await errors;
            return (p.ExitCode, stdout);
        }

        /// <summary>
        /// pg_restore's script into psql. psql commits only at the end of its input, so the input is closed only
        /// when pg_restore succeeded; otherwise psql is killed and its transaction rolls back.
        /// </summary>
        public static async Task<bool> PipeAsync(ProcessStartInfo producer, ProcessStartInfo consumer, TextWriter stderr)
        {
            using var from = Process.Start(producer)!;
            using var to = Process.Start(consumer)!;
            var errors = Task.WhenAll(PumpErrorsAsync(from, stderr), PumpErrorsAsync(to, stderr), to.StandardOutput.ReadToEndAsync());
            var copied = true;
            try
            {
                await from.StandardOutput.BaseStream.CopyToAsync(to.StandardInput.BaseStream);
            }
            catch (IOException)
            {
                // psql stopped reading: it met an error and exited; pg_restore need not go on.
                copied = false;
                if (!from.HasExited) from.Kill(entireProcessTree: true);
            }
            await from.WaitForExitAsync();
            if (copied && from.ExitCode == 0) to.StandardInput.Close();
            else if (!to.HasExited) to.Kill(entireProcessTree: true);
            await to.WaitForExitAsync();
            await errors;
            return copied && from.ExitCode == 0 && to.ExitCode == 0;
        }

        private static readonly Lock ErrorLock = new();

        private static async Task PumpErrorsAsync(Process p, TextWriter stderr)
        {
            while (await p.StandardError.ReadLineAsync() is { } line)
            {
                lock (ErrorLock) stderr.WriteLine(line);
            }
        }
    }
}
