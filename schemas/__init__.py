"""Marshmallow schemas for every request and response of the Tally API.

The OpenAPI document (``GET /openapi.json``) is generated from these classes.
"""
from .requests import BatchRequestSchema, ExtractRequestSchema
from .responses import (BatchResponseSchema, ExtractResponseSchema, HealthSchema, ProblemSchema)

__all__ = ["BatchRequestSchema", "ExtractRequestSchema", "BatchResponseSchema", "ExtractResponseSchema",
           "HealthSchema", "ProblemSchema"]
