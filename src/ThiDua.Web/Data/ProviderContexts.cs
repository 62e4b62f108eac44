using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ThiDua.Features.People;
using ThiDua.Features.Units;

namespace ThiDua.Data;

/// <summary>The model on SQLite (the default): migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    // SQLite compares text byte-wise (BINARY) already, which is what the folded keys are built for.
    protected override void ConfigureProvider(ModelBuilder b) { }
}

/// <summary>The model on PostgreSQL: migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>The keys built to be compared byte-wise (Infrastructure/VietnameseText.cs). The database's default
    /// collation (often a glibc locale) would reorder them and keep LIKE 'x%' off their b-tree indexes.</summary>
    internal static readonly string[] OrdinalKeys = ["SortKey", "SearchName", "PersonalCode", "Code"];

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        base.ConfigureConventions(b);
        // Every DateTime in the model is UTC (the names end in Utc); values read back from SQLite files or built
        // with new DateTime(...) carry Kind=Unspecified, which Npgsql refuses for timestamp with time zone.
        b.Properties<DateTime>().HaveConversion<UtcKind>();
        b.Properties<DateTime?>().HaveConversion<UtcKind>();
    }

    protected override void ConfigureProvider(ModelBuilder b)
    {
        b.HasPostgresExtension("pg_trgm");
        foreach (var entity in new[] { typeof(Person), typeof(Unit), typeof(Features.Blocs.EmulationBloc) })
        {
            foreach (var p in b.Model.FindEntityType(entity)!.GetProperties().Where(p => OrdinalKeys.Contains(p.Name)))
                p.SetCollation("C");
        }
        // "Contains" searches on the folded name: a trigram index serves LIKE '%…%' (People/PeopleQuery.cs).
        b.Entity<Person>().HasIndex(x => x.SearchName, "IX_People_SearchName_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        // A person's history as the eligibility engine reads it (RegistryFacts.LoadAsync), from the index alone:
        // for an agency of 20.000 people that is 400.000 rows spread over the tables, one heap page each otherwise.
        b.Entity<YearRating>().HasIndex(x => new { x.PersonId, x.Year }).IncludeProperties(x => x.Rating);
        b.Entity<Features.Awards.AwardRecord>().HasIndex(x => new { x.PersonId, x.Year }).IncludeProperties(x => new { x.Status, x.Code, x.PeriodTo, x.Basis });
        b.Entity<Initiative>().HasIndex(x => new { x.PersonId, x.Year }).IncludeProperties(x => new { x.Scope, x.UsedFor });
    }

    internal sealed class UtcKind() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>Lets <c>dotnet ef</c> build each provider's model without starting the web host or a server.</summary>
public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
