using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ThiDua.Data;

/// <summary>
/// Inserts many rows inside the current transaction, using the EF model for table names, columns and value
/// conversions: on PostgreSQL by binary COPY, on SQLite with one prepared statement. For seeding large
/// histories, where change tracking would cost more than the inserts themselves. Generated keys are not read back.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd) && p.PropertyInfo is not null)
            .ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        // Each column's value as the provider stores it (value conversions applied), read by a compiled getter:
        // reflection per value costs more than the insert itself at millions of rows.
        var values = columns.Select(Accessor<T>).ToArray();
        if (connection is Npgsql.NpgsqlConnection pg)
        {
            await CopyAsync(pg, table, columns.Select(c => (c.GetColumnName(store)!, StoreType(c.GetColumnType()))).ToArray(), values, rows, ct);
            return;
        }
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = cmd.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            cmd.Parameters.Add(parameters[i]);
        }
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i](row) ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The column's value of a row, converted for the provider (null stays null), read by a compiled getter.</summary>
    private static Func<T, object?> Accessor<T>(IProperty column)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var get = Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(row, column.PropertyInfo!), typeof(object)), row).Compile();
        if (column.GetTypeMapping().Converter is not { } converter) return get;
        var convert = converter.ConvertToProvider;
        return r => get(r) is { } value ? convert(value) : null;
    }

    private static async Task CopyAsync<T>(Npgsql.NpgsqlConnection pg, string table, (string Name, string StoreType)[] columns,
        Func<T, object?>[] values, IReadOnlyCollection<T> rows, CancellationToken ct)
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await pg.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Length; i++)
            {
                if (values[i](row) is not { } value) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, columns[i].StoreType, ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>"character varying(50)" → "character varying": COPY names the type, not its length.</summary>
    private static string StoreType(string columnType) => columnType.Split('(')[0];
}
