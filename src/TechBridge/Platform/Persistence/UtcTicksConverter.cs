using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TechBridge.Platform.Persistence;

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
