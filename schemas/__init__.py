"""Marshmallow schemas for every request and response of the Tally API.

The OpenAPI document (``GET /openapi.json``) is generated from these classes.
"""
from .requests import BatchRequestSchema, EventsRequestSchema, ExtractRequestSchema
from .responses import (BatchResponseSchema, EventsResponseSchema, ExtractResponseSchema, HealthSchema,
                        ProblemSchema)

__all__ = ["BatchRequestSchema", "EventsRequestSchema", "ExtractRequestSchema", "BatchResponseSchema",
           "EventsResponseSchema", "ExtractResponseSchema", "HealthSchema", "ProblemSchema"]
