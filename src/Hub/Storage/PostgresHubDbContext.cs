using Microsoft.EntityFrameworkCore;

namespace SharingHub.Hub.Storage;

/// <summary>The PostgreSQL flavour of the model; owns the migrations in Storage/Migrations/Postgres.</summary>
public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options);
