using System.Text.Json;
using System.Text.Json.Serialization;
using Anju.Workflows.Execution;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Reads and writes the instance document. Version 1 is the first shape; a later version adds an upgrade
/// step here (old → new) so that stored documents of every earlier version keep loading.
/// </summary>
internal static class InstanceDocument
{
    public static string Write(InstanceState state) => JsonSerializer.Serialize(state, InstanceJsonContext.Default.InstanceState);

    public static InstanceState Read(string json)
    {
        var state = JsonSerializer.Deserialize(json, InstanceJsonContext.Default.InstanceState)
            ?? throw new InvalidDataException("An instance document is empty.");
        if (state.SchemaVersion is < 1 or > InstanceState.CurrentSchemaVersion)
        {
            throw new InvalidDataException($"Instance document schema version {state.SchemaVersion} is not known to this engine (it knows 1–{InstanceState.CurrentSchemaVersion}).");
        }

        return state;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(InstanceState))]
internal sealed partial class InstanceJsonContext : JsonSerializerContext;
