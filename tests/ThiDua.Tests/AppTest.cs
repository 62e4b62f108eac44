using System.Collections.Concurrent;

namespace ThiDua.Tests;

/// <summary>A test class over its own copy of the demo database per test, optionally signed in as one demo account.</summary>
public abstract class AppTest(string? signInAs = null) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Client = signInAs is null ? App.Browser() : await App.SignInAsync(signInAs);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// One app and one database copy for every test of a class (an xUnit class fixture), with a signed-in browser per
/// account kept between tests. Only for tests that read, or whose writes no other test of the class looks at
/// (a refused post writes nothing; a test that adds its own rows finds them by their own keys). A test that signs
/// out, changes a password or counts rows others add belongs in an <see cref="AppTest"/>. Tests of one class run
/// one after another, so the cache needs no more than a concurrent dictionary.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync();

    /// <summary>A browser signed in as <paramref name="who"/> (or signed out for "anonymous"), the same one for the whole class.</summary>
    public async Task<HttpClient> As(string who)
    {
        if (_clients.TryGetValue(who, out var c)) return c;
        c = who == "anonymous" ? App.Browser() : await App.SignInAsync(who);
        return _clients.GetOrAdd(who, c);
    }

    public Task DisposeAsync()
    {
        foreach (var c in _clients.Values) c.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A test class sharing one app (<see cref="SharedApp"/>), its <see cref="Client"/> signed in as <paramref name="signInAs"/>.</summary>
public abstract class SharedAppTest(SharedApp shared, string? signInAs = null) : IClassFixture<SharedApp>, IAsyncLifetime
{
    protected SharedApp Shared { get; } = shared;
    protected TestApp App => Shared.App;
    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Client = await Shared.As(signInAs ?? "anonymous");

    public Task DisposeAsync() => Task.CompletedTask;
}
