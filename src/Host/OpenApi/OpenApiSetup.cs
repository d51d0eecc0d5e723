using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Anju.Host.OpenApi;

/// <summary>
/// /openapi/v1.json as the console's API types are generated from (src/Designer/src/api, scripts/api-types.sh):
/// a schema per named type, nested records named with their handler (<c>ListTasks.Response</c> is
/// <c>ListTasksResponse</c>, not one <c>Response</c> shared by every handler), numbers as numbers and
/// free-form JSON objects as objects with any properties.
/// </summary>
public static class OpenApiSetup
{
    public static WebApplicationBuilder AddAnjuOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaId;
            options.AddSchemaTransformer((schema, context, _) =>
            {
                NumbersAsNumbers(schema);
                if (context.JsonTypeInfo.Type == typeof(JsonObject)
                    || (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Dictionary && schema.AdditionalProperties is null))
                {
                    // Variables and other free-form objects: any property of any value (not "no properties").
                    schema.AdditionalProperties = new OpenApiSchema();
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>The default id (the type's name), prefixed with the names of the types it is nested in.</summary>
    private static string? SchemaId(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null)
        {
            return null;
        }

        for (var outer = type.Type.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            id = outer.Name + id;
        }

        return id;
    }

    /// <summary>
    /// The API's JSON options accept numbers written as strings, which the document describes as "integer or string
    /// matching a pattern"; the Host writes numbers, and clients are to send them, so the document says number.
    /// </summary>
    private static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type
            && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0
            && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }
}
