using Microsoft.Data.Sqlite;
using ThiDua.Tests.Eligibility;

namespace ThiDua.Tests.Accounts;

/// <summary>A production database starts empty; the first administrator is created from the command line.</summary>
public sealed class ProductionStartTests
{
    [Fact]
    public void CreateAdmin_OnEmptyProductionDatabase_CreatesAgencyAndAdministratorAndNoDemoData()
    {
        var db = Path.Combine(Path.GetTempPath(), $"thidua-prod-{Guid.NewGuid():N}.db");
        var env = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Path"] = db, ["DataProtection__KeysPath"] = db + "-keys" };
        try
        {
            var refused = CliRunner.RunWithEnvironment(null, env, "create-admin", "--email", "quantri@coquan.vn", "--password", "Qu@nTri2026!", "--unit", "CQ");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--unit-name", refused.Stderr);

            var weak = CliRunner.RunWithEnvironment(null, env, "create-admin", "--email", "quantri@coquan.vn", "--password", "yeu", "--unit", "CQ", "--unit-name", "Cơ quan thử");
            Assert.Equal(2, weak.ExitCode);
            Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", weak.Stderr);

            var (rc, stdout, stderr) = CliRunner.RunWithEnvironment(null, env, "create-admin", "--email", "quantri@coquan.vn", "--password", "Qu@nTri2026!", "--unit", "CQ", "--unit-name", "Cơ quan thử");
            Assert.True(rc == 0, stderr);
            Assert.Contains("Đã tạo tài khoản quản trị quantri@coquan.vn.", stdout);

            using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
            conn.Open();
            long Scalar(string sql)
            {
                using var cmd = conn.CreateCommand();
                cmd.CommandText = sql;
                return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            Assert.Equal(0, Scalar("SELECT count(*) FROM People"));
            Assert.Equal(1, Scalar("SELECT count(*) FROM Units"));
            Assert.Equal(1, Scalar("SELECT count(*) FROM AspNetUsers"));
            Assert.Equal(1, Scalar("SELECT count(*) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'Admin'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
            if (Directory.Exists(db + "-keys")) Directory.Delete(db + "-keys", true);
        }
    }
}
