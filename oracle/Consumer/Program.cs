// Reads cases as JSON on stdin and answers, per case, what .NET makes of that environment:
//   in:  { "cases": [ { "id", "env": {name: value}, "connectionStrings": [name], "services": [uri],
//                        "settings": [configuration key] } ] }
//   out: { "results": [ { "id", "connectionStrings": {name: value|null},
//                          "services": {uri: {"serviceDefaults": [..], "configuration": [..]}},
//                          "settings": {key: value|null} } ] }
// "serviceDefaults" is what AddServiceDiscovery() (the service-defaults call, with its
// pass-through fallback) returns; "configuration" uses the configuration provider alone, so it
// shows whether the services__ keys were actually read.
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;

var input = JsonNode.Parse(Console.In.ReadToEnd())!;
var results = new JsonArray();
var baseline = Environment.GetEnvironmentVariables().Keys.Cast<string>().ToHashSet();

foreach (var c in input["cases"]!.AsArray())
{
    var env = c!["env"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    // A workload sees only its own environment: drop what this process inherited.
    foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>()) Environment.SetEnvironmentVariable(key, null);
    foreach (var (key, value) in env) Environment.SetEnvironmentVariable(key, value);

    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var connectionStrings = new JsonObject();
    foreach (var name in c["connectionStrings"]!.AsArray().Select(n => n!.GetValue<string>()))
        connectionStrings[name] = configuration.GetConnectionString(name);

    var services = new JsonObject();
    foreach (var uri in c["services"]!.AsArray().Select(n => n!.GetValue<string>()))
    {
        services[uri] = new JsonObject
        {
            ["serviceDefaults"] = await Resolve(configuration, uri, s => s.AddServiceDiscovery()),
            ["configuration"] = await Resolve(configuration, uri, s => s.AddServiceDiscoveryCore().AddConfigurationServiceEndpointProvider()),
        };
    }
    // Settings other frameworks bind from configuration (Orleans reads its Orleans:* section).
    var settings = new JsonObject();
    foreach (var key in c["settings"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
        settings[key] = configuration[key];
    results.Add(new JsonObject
    {
        ["id"] = c["id"]!.GetValue<string>(),
        ["connectionStrings"] = connectionStrings,
        ["services"] = services,
        ["settings"] = settings,
    });
}
Console.Out.Write(new JsonObject { ["results"] = results }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
return 0;

static async Task<JsonNode> Resolve(IConfiguration configuration, string uri, Action<IServiceCollection> register)
{
    var services = new ServiceCollection();
    services.AddSingleton(configuration);
    services.AddLogging();
    register(services);
    await using var provider = services.BuildServiceProvider();
    var resolver = provider.GetRequiredService<ServiceEndpointResolver>();
    try
    {
        var source = await resolver.GetEndpointsAsync(uri, CancellationToken.None);
        return new JsonArray(source.Endpoints.Select(e => (JsonNode)Describe(e.EndPoint)).ToArray());
    }
    catch (Exception e)
    {
        return new JsonObject { ["error"] = $"{e.GetType().Name}: {e.Message}" };
    }
}

static string Describe(EndPoint endPoint) => endPoint switch
{
    UriEndPoint u => u.Uri.ToString(),
    DnsEndPoint d => $"{d.Host}:{d.Port}",
    IPEndPoint ip => ip.ToString(),
    _ => endPoint.ToString() ?? "",
};
